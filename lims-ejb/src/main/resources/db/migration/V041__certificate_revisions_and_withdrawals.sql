-- Issue 14: a correction is a new revision of a certificate that supersedes the one before it (ISO/IEC 17025
-- §7.8.8); a withdrawal is recorded beside the certificate, which stays as issued (insert-only).
alter table certificate add column revision integer default 0 not null;
alter table certificate add column supersedes_id bigint references certificate (id);
alter table certificate add column revision_reason varchar(500);
-- a certificate is superseded at most once: the chain of revisions is a line
create unique index certificate_supersedes on certificate (supersedes_id);

-- What the certificate certified, as issued: the public check shows this, not today's register.
alter table certificate add column instrument_description varchar(200);
alter table certificate add column instrument_manufacturer varchar(200);
alter table certificate add column instrument_model varchar(100);
alter table certificate add column instrument_serial_number varchar(100);
alter table certificate add column procedure_code varchar(32);
alter table certificate add column issuer varchar(400);
-- certificates issued before this version: the register's data of today is the best there is
update certificate set
    instrument_description = (select i.description from verification_job j join instrument_under_test i
        on i.id = j.instrument_id where j.id = certificate.job_id),
    instrument_manufacturer = (select i.manufacturer from verification_job j join instrument_under_test i
        on i.id = j.instrument_id where j.id = certificate.job_id),
    instrument_model = (select i.model from verification_job j join instrument_under_test i
        on i.id = j.instrument_id where j.id = certificate.job_id),
    instrument_serial_number = (select i.serial_number from verification_job j join instrument_under_test i
        on i.id = j.instrument_id where j.id = certificate.job_id),
    procedure_code = (select j.procedure_code from verification_job j where j.id = certificate.job_id);

create table certificate_withdrawal (
    certificate_id  bigint       primary key references certificate (id),
    withdrawn_at    timestamp with time zone not null,
    withdrawn_by    varchar(64)  not null,
    reason          varchar(500) not null
);
