-- A tracking number is unique only per carrier, and may be claimed by more than one order (a seller's typo, a
-- reused number, a hostile seller): carrier events go to the first open claim, so each claim records when it was made.
ALTER TABLE shipment ADD COLUMN tracking_claimed_at TIMESTAMPTZ;
UPDATE shipment SET tracking_claimed_at = updated_at WHERE tracking_number IS NOT NULL;

-- Refused events are pruned by age (RejectedEventRetention).
CREATE INDEX rejected_event_received_at ON rejected_event (received_at);
