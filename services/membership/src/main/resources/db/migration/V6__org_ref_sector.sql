-- The organization read model is kept by the shared library, which stores the sector in every service.
ALTER TABLE org_ref ADD COLUMN IF NOT EXISTS sector varchar(40);
