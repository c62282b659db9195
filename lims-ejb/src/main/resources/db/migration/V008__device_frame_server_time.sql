-- Issue 8: a frame from a bench agent carries the agent's time stamp (received_at, on the bench PC's
-- clock); the server now stamps every frame with its own receive time too, and judges how fresh a
-- reading is by its own clock. For frames the server reads itself the two are the same instant, so
-- existing rows get received_at. The default covers rows inserted by hand or by tools; the
-- application always sets the column itself.
alter table device_frame add column server_received_at timestamp with time zone;
update device_frame set server_received_at = received_at;
alter table device_frame alter column server_received_at set default current_timestamp;
alter table device_frame alter column server_received_at set not null;

-- A frame whose bytes the server reads differently from the agent is stored with status
-- 'QUARANTINED' (status is varchar(16)), no value, and both readings in reject_reason: its raw bytes
-- stay the original record, and it is never offered for capture. No schema change is needed for that.
