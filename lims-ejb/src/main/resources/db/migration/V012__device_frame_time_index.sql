-- Reading frames back by time range (issue 9): a device's frames received in [from, to), paged by id.
-- device_frame_latest (device_id, id) serves paging without a time range; this one lets a range be found
-- without walking every earlier frame of the device (docs/benchmarks.md, "Reading frames back").
create index device_frame_received on device_frame (device_id, received_at, id);
