package vn.grassroots.common.tree;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.report.Labelled;

@Schema(description = """
        Sector (khối, loại hình): COMMUNE = xã, phường, thị trấn; RESIDENTIAL = thôn, bản, tổ dân phố;
        AGENCY = cơ quan Đảng, Nhà nước; PUBLIC_SERVICE = đơn vị sự nghiệp (trường học, trạm y tế);
        STATE_ENTERPRISE = doanh nghiệp nhà nước; PRIVATE_ENTERPRISE = doanh nghiệp ngoài nhà nước;
        MILITARY = quân đội; POLICE = công an; OTHER = khác""")
public enum Sector implements Labelled {
    COMMUNE("Xã, phường, thị trấn"),
    RESIDENTIAL("Thôn, bản, tổ dân phố"),
    AGENCY("Cơ quan Đảng, Nhà nước"),
    PUBLIC_SERVICE("Đơn vị sự nghiệp"),
    STATE_ENTERPRISE("Doanh nghiệp nhà nước"),
    PRIVATE_ENTERPRISE("Doanh nghiệp ngoài nhà nước"),
    MILITARY("Quân đội"),
    POLICE("Công an"),
    OTHER("Khác");

    private final String vietnamese;

    Sector(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    @Override
    public String vietnamese() {
        return vietnamese;
    }
}
