-- Accounts that can be defended and administered (issue 8): login throttling kept with the
-- account (it survives a restart), a stamp that ends sessions and cached API credentials when an
-- administrator changes the account, a forced password change after a reset; the institute's own
-- settings recorded by the first-run setup.

alter table user_account add column failed_logins integer not null default 0;
alter table user_account add column last_failed_login_at timestamp with time zone;
alter table user_account add column locked_until timestamp with time zone;
alter table user_account add column credential_stamp bigint not null default 0;
alter table user_account add column must_change_password boolean not null default false;
alter table user_account add column password_changed_at timestamp with time zone;

alter table institute add column time_zone varchar(64) not null default 'Asia/Shanghai';
alter table institute add column set_up_at timestamp with time zone;
alter table institute add column set_up_by varchar(64);

-- An authorization withdrawn before its end stays on record with the day and the reason.
alter table authorization_grant add column withdrawn_from date;
alter table authorization_grant add column withdrawal_reason varchar(300);

-- A certificate's files apart from the certificate, so that lists and checks never read them: moved byte for
-- byte (the certificate keeps its SHA-256), then dropped from the certificate row.
create table certificate_content (
    certificate_id  bigint not null primary key references certificate (id),
    pdf             bytea  not null,
    dcc_xml         bytea
);
insert into certificate_content (certificate_id, pdf, dcc_xml) select id, pdf, dcc_xml from certificate;
alter table certificate drop column pdf;
alter table certificate drop column dcc_xml;
