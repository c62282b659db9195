-- Issue 11: a bench device belongs to one running job at a time. The job that last read it holds it while the job
-- is in progress (until it is submitted, the technician releases the device, or another technician takes it over
-- with a reason); a capture for another technician's job is refused naming the holder.
alter table verification_job add column holds_device boolean default false not null;
alter table verification_job add column device_held_since timestamp with time zone;
