-- The lists behind the organization numbers of a summary filter by organization type (grassroots organizations are two
-- of them) and level; in name order the cells ("Chi bộ …") come before the committees ("Đảng bộ …"), so a page of a
-- province's grassroots committees would skip every cell of the level first. Organizations only (one rating per
-- organization and year, a tenth of the members'), read index-only like rating_list_level.
CREATE INDEX rating_list_org_type ON rating (year, org_type, decided_level, subject_name, id)
    INCLUDE (org_path, org_sector, cycle_id) WHERE state = 'DECIDED' AND subject_type = 'ORGANIZATION';
