-- Issue 15: a job is free when its owner and its category name the same programme, and a customer's programme is
-- now chosen from the catalogue's names. A name typed before as the catalogue's Chinese part alone
-- ("乡镇卫生院医疗计量器具免费检定" for "乡镇卫生院医疗计量器具免费检定 Free verification for township clinics") becomes the
-- catalogue's full name, so that those customers' jobs stay free. Any other name stays as typed: the customers page
-- shows it and keeps it until the clerk chooses one of the catalogue's.
update customer
   set free_programme = (select min(l.free_programme) from legal_category l
                          where l.free_programme like customer.free_programme || ' %')
 where free_programme is not null
   and not exists (select 1 from legal_category l where l.free_programme = customer.free_programme)
   and exists (select 1 from legal_category l where l.free_programme like customer.free_programme || ' %');
