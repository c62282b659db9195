-- The complete OIML R 76 / JJG 539 test set (issue 3): a job's test points come from the
-- procedure edition's test plan; readings are raw changeover readings (indication I and the
-- additional small weights dL), several per point for a repeatability series or a
-- discrimination test. Errors and verdicts are computed from them by the edition's rules,
-- so a reading row keeps only what was observed.

alter table instrument_under_test add column supports integer default 4 not null;
alter table instrument_under_test add column zero_tracking boolean default false not null;

alter table test_point add column plan_point_id varchar(48);
alter table test_point add column test_kind varchar(24);
alter table test_point add column readings_needed integer default 1 not null;
alter table test_point add column extra_load_value numeric(19, 6);

alter table point_reading add column additional_load numeric(19, 6) default 0 not null;
alter table point_reading add column series_index integer default 1 not null;
alter table point_reading alter column error_value drop not null;
alter table point_reading alter column verdict drop not null;
alter table test_point alter column label set data type varchar(200);
