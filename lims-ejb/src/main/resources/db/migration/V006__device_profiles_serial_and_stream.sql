-- Device profiles for devices on a serial port of the server and for devices that stream their
-- readings (e.g. MT-SICS SIR) instead of being polled. Existing profiles stay TCP, polled.

alter table bench_device add column transport varchar(8) default 'tcp' not null;
alter table bench_device alter column host drop not null;
alter table bench_device alter column port drop not null;
alter table bench_device add column serial_port varchar(200);
alter table bench_device add column baud_rate integer;
alter table bench_device add column data_bits integer;
alter table bench_device add column parity varchar(8);
alter table bench_device add column stop_bits varchar(4);
alter table bench_device add column flow_control varchar(8);
alter table bench_device add column acquisition_mode varchar(8) default 'poll' not null;
alter table bench_device add column start_command varchar(32);
