-- Issue 9: the instrument says who it is. The device profile records the serial number and model
-- the instrument must report (both optional: a profile without them is "identity not registered"),
-- and each captured point reading keeps the identity the instrument reported on the connection the
-- reading came from (OIML D 31, JJG 1204: the instrument and its software version belong in the
-- verification record). Per reading rather than per job: a cable moved to another balance in the
-- middle of a job shows at the very reading it concerns.

alter table bench_device add column serial_number varchar(64);
alter table bench_device add column model varchar(100);

alter table point_reading add column device_model varchar(100);
alter table point_reading add column device_serial_number varchar(64);
alter table point_reading add column device_software_version varchar(100);
