-- Issue 10 §3: a standard resistor calibrated by substitution takes its reference's figures from the reference's
-- record. Beyond the value, U, k and the drift's half-width a calibrator's values already carry, a reference
-- resistor's certificate states the temperature its value holds at (t_0, 20 °C or 23 °C) and its temperature
-- coefficient α; its history predicts a drift since (δR_D, EA-4/02 M:2022 S3: +20 mΩ within ±10 mΩ). All three
-- are optional: a calibrator's output has none of them, and its existing rows are left as they are.
alter table standard_value add column drift_estimate numeric(30, 12);
alter table standard_value add column reference_temperature numeric(6, 3);
alter table standard_value add column temperature_coefficient numeric(20, 15);
