-- Issue 10 §3: a standard the bench drives (a multifunction calibrator set to each point's value over SCPI) is
-- reached through a registered bench device. Optional: weights, reference resistors and hand-set sources have none.
alter table measurement_standard add column driven_through_device_id bigint references bench_device (id);
