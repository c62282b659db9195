-- Issue 11: a mass comparator's pooled standard deviation of its weighing process, from its control records
-- (OIML R 111-1 C.6.1), with its degrees of freedom and where it comes from. A weight calibration takes its Type A
-- component from it; without it, a series whose ABBA differences agree exactly is refused rather than claiming 0.
alter table bench_device add column process_sd numeric(38, 18);
alter table bench_device add column process_sd_unit varchar(8);
alter table bench_device add column process_sd_dof integer;
alter table bench_device add column process_sd_source varchar(200);
