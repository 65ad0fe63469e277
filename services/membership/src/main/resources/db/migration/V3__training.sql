-- Training records (quá trình đào tạo, bồi dưỡng): political theory and defence-security courses.
CREATE TABLE training_record (
    id                 uuid PRIMARY KEY,
    member_id          uuid         NOT NULL REFERENCES member (id),
    kind               varchar(30)  NOT NULL,
    level              varchar(100) NOT NULL,
    institution        varchar(300) NOT NULL,
    started_on         date         NOT NULL,
    completed_on       date,
    certificate_number varchar(100),
    recorded_by        varchar(200) NOT NULL,
    recorded_at        timestamptz  NOT NULL
);
CREATE INDEX training_record_member ON training_record (member_id, started_on);
