-- Reading frames back (issue 9): a device's frames paged by id, filtered by the time they were received
-- ([from, to)) or by status (an auditor looks for the rare rejected ones). device_frame_latest (device_id, id)
-- serves paging without a filter; these two let a range or a status be found without walking every frame
-- of the device (docs/benchmarks.md, "Reading frames back").
create index device_frame_received on device_frame (device_id, received_at, id);
create index device_frame_status on device_frame (device_id, status, id);
