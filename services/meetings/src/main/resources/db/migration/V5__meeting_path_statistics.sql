-- Paths share long prefixes, so with the default 100-bucket histogram PostgreSQL estimated a district's range of
-- meeting paths at 1 row among the nation's 4 million meetings (14,733 in fact) and joined its attendance meeting by
-- meeting: 1.1-1.7 s for a page of attendance per member. A finer histogram gives ~12,000 and a plan of 10-30 ms.
ALTER TABLE meeting ALTER COLUMN organization_path SET STATISTICS 1000;
ANALYZE meeting;
