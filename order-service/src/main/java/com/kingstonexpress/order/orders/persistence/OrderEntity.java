package com.kingstonexpress.order.orders.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.kingstonexpress.order.guard.domain.OrderSnapshot;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.Condition;
import com.kingstonexpress.order.orders.domain.EvidenceKind;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.order.orders.domain.ShippingMethod;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The order aggregate. {@code version} guards against concurrent writers (optimistic locking). */
@Entity
@Table(name = "orders")
public class OrderEntity extends PanacheEntityBase {
    /** Orders {@code o} with their lines, flags and evidence: add the WHERE clause. */
    public static final String WITH_DETAILS = "SELECT o FROM OrderEntity o LEFT JOIN FETCH o.lines LEFT JOIN FETCH o.attention"
            + " LEFT JOIN FETCH o.evidence";

    @Id
    @Column(name = "order_id")
    public String id;
    public String sellerId;
    public String customerId;
    public String customerName;
    @Enumerated(EnumType.STRING)
    @Column(name = "order_type")
    public OrderType type;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    public String fulfillmentCenterId;
    @Enumerated(EnumType.STRING)
    public ShippingMethod shippingMethod;
    public String notes;
    @Embedded
    public DeliveryAddress deliveryAddress;
    public String trackingCarrier;
    public String trackingNumber;
    public Instant addressConfirmedAt;
    /** Lower-cased order id, customer name, SKUs and titles, for the trigram-indexed {@code q} filter. */
    public String searchText;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant statusChangedAt;
    @Version
    public long version;

    @ElementCollection
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    public List<OrderLine> lines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "order_attention", joinColumns = @JoinColumn(name = "order_id"))
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "flag")
    @Column(name = "raised_at")
    public Map<AttentionFlag, Instant> attention = new EnumMap<>(AttentionFlag.class);

    @ElementCollection
    @CollectionTable(name = "order_delivery_evidence", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    public List<DeliveryEvidence> evidence = new ArrayList<>();

    /**
     * The order with its lines, flags and evidence, in one query instead of one per collection: a read shows all three
     * and an action's guard needs two. The rows multiply (lines x flags x evidence), but each is a few.
     * <p>
     * Not {@code firstResult()}: a row limit beside a collection fetch makes Hibernate drop the limit, page in memory
     * and log a WARN (HHH90003004) on every call, which on the get path cost a log line per request. Hibernate
     * de-duplicates a fetch join's rows into one entity, so one order is one result.
     */
    public static OrderEntity findWithDetails(String id) {
        return OrderEntity.<OrderEntity>find(WITH_DETAILS + " WHERE o.id = ?1", id).singleResultOptional().orElse(null);
    }

    /**
     * These orders (those that exist), in one query; their collections load in batches when touched. The ids are
     * bound as a list: Panache's and JPA's {@code setParameter} first try a collection as one value and catch
     * Hibernate's exception.
     */
    public static List<OrderEntity> withIds(Collection<String> ids) {
        return getSession().createSelectionQuery("FROM OrderEntity WHERE id IN :ids", OrderEntity.class)
                .setParameterList("ids", ids).getResultList();
    }


    public boolean hasTracking() {
        return trackingNumber != null && trackingCarrier != null;
    }

    public boolean addressConfirmed() {
        return addressConfirmedAt != null;
    }

    public boolean hasEvidence(EvidenceKind kind) {
        return evidence.stream().anyMatch(e -> e.kind == kind);
    }

    /** The order's conditions: its stored flags that are conditions, plus an active slowdown covering it. */
    public Set<Condition> conditions(boolean coveredBySlowdown) {
        Set<Condition> conditions = EnumSet.noneOf(Condition.class);
        attention.keySet().forEach(flag -> flag.condition().ifPresent(conditions::add));
        if (coveredBySlowdown) {
            conditions.add(Condition.PLATFORM_SLOWDOWN);
        }
        return conditions;
    }

    /** What the guard decides on. */
    public OrderSnapshot snapshot(boolean coveredBySlowdown) {
        return new OrderSnapshot(type, status, conditions(coveredBySlowdown), shippingMethod, addressConfirmed(), hasTracking(),
                !evidence.isEmpty());
    }
}
