-- Issue 9: a device's value is kept exactly as sent. numeric(19, 6) overflowed at 10^13 (the frame,
-- raw bytes and all, was then not stored) and rounded beyond 6 decimals (12.3456789 -> 12.345679).
-- reading_text is the decimal text as sent (digits and trailing zeros kept), the value of record;
-- reading_value, widened, is for queries. A value beyond 20 digits before / 18 after the point is
-- stored as a MALFORMED frame with the reason (FrameRecordLimits). Frames stored before keep only
-- their numeric value: what was rounded then cannot be recovered from it (their raw bytes can).
alter table device_frame add column reading_text varchar(48);
alter table device_frame alter column reading_value set data type numeric(38, 18);

-- A captured reading keeps the device's digits: a comparator with d = 0.1 ug shows 7 decimals in g
-- already, and a unit conversion (mg -> g) adds three more.
alter table point_reading alter column indication_value set data type numeric(38, 18);
alter table point_reading alter column error_value set data type numeric(38, 18);

-- A device is retired, never deleted: its frames are original records and its code stays taken.
alter table bench_device add column retired_at timestamp with time zone;
alter table bench_device add column retired_by varchar(64);
alter table bench_device add column retire_reason varchar(500);

-- The units a device's readings must be in (comma-separated, e.g. 'g,kg'); null: the protocol's own
-- (mg, g, kg, t for the balance protocols). A reading in another unit (PCS) is kept with the status
-- 'UNEXPECTED_UNIT' (device_frame.status is varchar(16)) and a reason, and never captured.
alter table bench_device add column expected_units varchar(64);
