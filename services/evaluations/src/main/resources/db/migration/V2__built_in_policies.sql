-- The two built-in rating policies. Criteria names follow the headings of the guidance; points are the
-- province's to adjust by creating a custom policy (policies are never edited in place).
INSERT INTO policy (id, code, name, source, from_year, to_year, built_in, created_by, document) VALUES
('b0000000-0000-4000-8000-000000002018', 'CURRENT-2018',
 'Đánh giá, xếp loại chất lượng hằng năm (từ năm 2018)',
 'Quy định số 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm',
 2018, NULL, true, 'system', '{
  "memberLevels": [
    {"code": "EXCELLENT", "name": "Hoàn thành xuất sắc nhiệm vụ", "rank": 1, "minScore": 90},
    {"code": "GOOD", "name": "Hoàn thành tốt nhiệm vụ", "rank": 2, "minScore": 70},
    {"code": "COMPLETED", "name": "Hoàn thành nhiệm vụ", "rank": 3, "minScore": 50},
    {"code": "NOT_COMPLETED", "name": "Không hoàn thành nhiệm vụ", "rank": 4, "minScore": 0}],
  "organizationLevels": [
    {"code": "EXCELLENT", "name": "Hoàn thành xuất sắc nhiệm vụ", "rank": 1, "minScore": 90},
    {"code": "GOOD", "name": "Hoàn thành tốt nhiệm vụ", "rank": 2, "minScore": 70},
    {"code": "COMPLETED", "name": "Hoàn thành nhiệm vụ", "rank": 3, "minScore": 50},
    {"code": "NOT_COMPLETED", "name": "Không hoàn thành nhiệm vụ", "rank": 4, "minScore": 0}],
  "memberCriteria": [
    {"code": "POLITICS_ETHICS", "name": "Tư tưởng chính trị; phẩm chất đạo đức, lối sống", "maxPoints": 30},
    {"code": "DISCIPLINE_WORKSTYLE", "name": "Ý thức tổ chức kỷ luật; tác phong, lề lối làm việc", "maxPoints": 20},
    {"code": "DUTIES", "name": "Kết quả thực hiện chức trách, nhiệm vụ được giao", "maxPoints": 40},
    {"code": "PARTY_ACTIVITIES", "name": "Tham gia sinh hoạt đảng, thực hiện nhiệm vụ đảng viên", "maxPoints": 10}],
  "organizationCriteria": [
    {"code": "POLITICAL_IDEOLOGICAL", "name": "Xây dựng Đảng về chính trị, tư tưởng, đạo đức", "maxPoints": 20},
    {"code": "ORGANIZATION_CADRES", "name": "Xây dựng Đảng về tổ chức, cán bộ; sinh hoạt chi bộ", "maxPoints": 30},
    {"code": "INSPECTION_SUPERVISION", "name": "Công tác kiểm tra, giám sát và kỷ luật đảng", "maxPoints": 15},
    {"code": "POLITICAL_TASKS", "name": "Lãnh đạo thực hiện nhiệm vụ chính trị", "maxPoints": 35}],
  "quotas": [
    {"code": "EXCELLENT_AT_MOST_20_PERCENT_OF_GOOD", "subject": "MEMBER", "level": "EXCELLENT", "relativeTo": "GOOD",
     "maxPercent": 20, "within": "ORGANIZATION",
     "description": "Số đảng viên hoàn thành xuất sắc nhiệm vụ không vượt quá 20% số đảng viên hoàn thành tốt nhiệm vụ trong cùng tổ chức đảng",
     "source": "Quy định số 132-QĐ/TW ngày 08/3/2018"}],
  "caps": [
    {"code": "DISCIPLINED_IN_YEAR", "subject": "MEMBER", "condition": "DISCIPLINED_IN_YEAR", "maxLevel": "COMPLETED",
     "description": "Đảng viên bị thi hành kỷ luật trong năm thì không xếp loại hoàn thành tốt nhiệm vụ trở lên",
     "source": "Quy định số 132-QĐ/TW ngày 08/3/2018"}]
}'),
('b0000000-0000-4000-8000-000000002017', 'BEFORE-2018',
 'Đánh giá chất lượng tổ chức cơ sở đảng và đảng viên (trước năm 2018)',
 'Quy định đánh giá chất lượng tổ chức cơ sở đảng và đảng viên áp dụng trước Quy định 132-QĐ/TW',
 1990, 2017, true, 'system', '{
  "memberLevels": [
    {"code": "EXCELLENT", "name": "Đủ tư cách, hoàn thành xuất sắc nhiệm vụ", "rank": 1},
    {"code": "GOOD", "name": "Đủ tư cách, hoàn thành tốt nhiệm vụ", "rank": 2},
    {"code": "COMPLETED", "name": "Đủ tư cách, hoàn thành nhiệm vụ", "rank": 3},
    {"code": "NOT_COMPLETED", "name": "Vi phạm tư cách hoặc không hoàn thành nhiệm vụ", "rank": 4}],
  "organizationLevels": [
    {"code": "CLEAN_AND_STRONG", "name": "Trong sạch, vững mạnh", "rank": 1},
    {"code": "COMPLETED_WELL", "name": "Hoàn thành tốt nhiệm vụ", "rank": 2},
    {"code": "COMPLETED", "name": "Hoàn thành nhiệm vụ", "rank": 3},
    {"code": "WEAK", "name": "Yếu kém", "rank": 4}],
  "memberCriteria": [],
  "organizationCriteria": [],
  "quotas": [],
  "caps": []
}');
