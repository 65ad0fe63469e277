-- Probations ending soon (GET /api/v1/members/probation-ending, a list in name order): without this the page walked
-- the name index of every member and dropped the non-probationary ones (about 100,000 in a province) before 50 matched.
CREATE INDEX member_probation_name ON member (search_name, id) INCLUDE (admission_date, organization_id)
    WHERE status = 'PROBATIONARY';
