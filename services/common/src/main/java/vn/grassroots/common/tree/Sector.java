package vn.grassroots.common.tree;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = """
        Sector (khối, loại hình): COMMUNE = xã, phường, thị trấn; RESIDENTIAL = thôn, bản, tổ dân phố;
        AGENCY = cơ quan Đảng, Nhà nước; PUBLIC_SERVICE = đơn vị sự nghiệp (trường học, trạm y tế);
        STATE_ENTERPRISE = doanh nghiệp nhà nước; PRIVATE_ENTERPRISE = doanh nghiệp ngoài nhà nước;
        MILITARY = quân đội; POLICE = công an; OTHER = khác""")
public enum Sector {
    COMMUNE, RESIDENTIAL, AGENCY, PUBLIC_SERVICE, STATE_ENTERPRISE, PRIVATE_ENTERPRISE, MILITARY, POLICE, OTHER
}
