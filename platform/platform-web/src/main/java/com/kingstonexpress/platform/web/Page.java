package com.kingstonexpress.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items and the cursor of the next page ({@code null} on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Keyset paging: the caller fetched up to {@code limit + 1} rows in sort order; the extra row only says a
     * next page exists, and the cursor is the sort key of the last row shown.
     */
    public static <T> Page<T> keyset(List<T> rowsFetchedWithOneMore, int limit, Function<T, String> cursorOf) {
        if (rowsFetchedWithOneMore.size() <= limit) {
            return new Page<>(rowsFetchedWithOneMore, null);
        }
        List<T> shown = rowsFetchedWithOneMore.subList(0, limit);
        return new Page<>(List.copyOf(shown), cursorOf.apply(shown.get(limit - 1)));
    }

    public <R> Page<R> map(Function<T, R> view) {
        return new Page<>(items.stream().map(view).toList(), nextCursor);
    }
}
