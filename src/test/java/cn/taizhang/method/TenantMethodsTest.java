package cn.taizhang.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.support.TaizhangTest;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@TaizhangTest
class TenantMethodsTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired TenantMethods methods;
    @Autowired MethodCompliance compliance;
    @Autowired Tenants tenants;
    @Autowired JdbcClient jdbc;

    private long newTownship() {
        int n = SEQ.incrementAndGet();
        Tenant county = tenants.create(TenantKind.COUNTY, "mt-county-" + n, "测试县" + n, null);
        return tenants.create(TenantKind.TOWNSHIP, "mt-town-" + n, "测试镇" + n, county.id()).id();
    }

    private long journalCount(long tenant, String action) {
        return jdbc.sql("select count(*) from audit_entry where tenant_id = :t and action = :a")
                .param("t", tenant).param("a", action).query(Long.class).single();
    }

    @Test
    void adoptingAPresetStoresItAsVersionOneAdoptedAndJournalsIt() {
        long town = newTownship();
        MethodVersion v = methods.adoptPreset(town, "wusi");
        assertThat(v.version()).isEqualTo(1);
        assertThat(v.status()).isEqualTo(MethodVersion.Status.ADOPTED);
        assertThat(v.preset()).isEqualTo("wusi");
        assertThat(v.definition().composites().get(0).parts()).hasSize(3);
        assertThat(methods.active(town)).map(MethodVersion::id).contains(v.id());
        assertThat(journalCount(town, "method.presetAdopted")).isEqualTo(1);
    }

    @Test
    void adoptingAnotherPresetSupersedesTheAdoptedOne() {
        long town = newTownship();
        MethodVersion first = methods.adoptPreset(town, "wusi");
        MethodVersion second = methods.adoptPreset(town, "haiyong");
        assertThat(methods.version(town, first.id()).status()).isEqualTo(MethodVersion.Status.SUPERSEDED);
        assertThat(methods.active(town)).map(MethodVersion::code).contains("haiyong");
        assertThat(second.version()).isEqualTo(1);
        assertThat(methods.adoptPreset(town, "wusi").version()).isEqualTo(2);
    }

    @Test
    void aDraftIsEditedValidatedAndAdoptedWhileTheOldVersionStaysUnchanged() {
        long town = newTownship();
        MethodVersion adopted = methods.adoptPreset(town, "wusi");
        MethodVersion draft = methods.copyForEditing(town, adopted.id());
        assertThat(draft.version()).isEqualTo(2);
        assertThat(draft.status()).isEqualTo(MethodVersion.Status.DRAFT);
        assertThat(draft.basedOnId()).isEqualTo(adopted.id());

        String edited = draft.yaml().replace("fenPerPoint: 2000 ", "fenPerPoint: 1000 ");
        assertThat(edited).isNotEqualTo(draft.yaml());
        methods.saveDraft(town, draft.id(), edited, "每分改为10元");
        MethodVersion now = methods.adopt(town, draft.id());

        assertThat(now.status()).isEqualTo(MethodVersion.Status.ADOPTED);
        assertThat(now.definition().money().fenPerPoint()).isEqualTo(1000L);
        MethodVersion old = methods.version(town, adopted.id());
        assertThat(old.status()).isEqualTo(MethodVersion.Status.SUPERSEDED);
        assertThat(old.definition().money().fenPerPoint()).isEqualTo(2000L);
        assertThat(journalCount(town, "method.draftSaved")).isEqualTo(1);
        assertThat(journalCount(town, "method.adopted")).isEqualTo(1);
    }

    @Test
    void aBadDraftIsRefusedWithItsProblemsAndNothingIsStored() {
        long town = newTownship();
        MethodVersion draft = methods.copyForEditing(town, methods.adoptPreset(town, "wusi").id());
        String broken = draft.yaml().replace("{assessment: monthly, weight: 30}", "{assessment: monthly, weight: 25}");
        assertThatThrownBy(() -> methods.saveDraft(town, draft.id(), broken, null))
                .isInstanceOfSatisfying(InvalidMethodException.class, e -> {
                    assertThat(e.problems()).extracting(MethodProblem::path).containsExactly("composites[0].parts");
                    assertThat(e.problems().get(0).args()).containsExactly("95");
                    assertThat(e.problems().get(0).line()).isPositive();
                });
        assertThat(methods.version(town, draft.id()).yaml()).isEqualTo(draft.yaml());
        assertThat(journalCount(town, "method.draftSaved")).isZero();
    }

    @Test
    void anAdoptedVersionIsNeverEdited() {
        long town = newTownship();
        MethodVersion adopted = methods.adoptPreset(town, "wubu");
        assertThatThrownBy(() -> methods.saveDraft(town, adopted.id(), adopted.yaml(), null))
                .isInstanceOf(DomainException.class).hasMessageContaining("method.version.notDraft");
        assertThatThrownBy(() -> methods.adopt(town, adopted.id()))
                .hasMessageContaining("method.version.notDraft");
    }

    @Test
    void aDraftMayNotChangeTheMethodCode() {
        long town = newTownship();
        MethodVersion draft = methods.copyForEditing(town, methods.adoptPreset(town, "wubu").id());
        assertThatThrownBy(() -> methods.saveDraft(town, draft.id(), draft.yaml().replace("code: wubu", "code: other"), null))
                .isInstanceOfSatisfying(InvalidMethodException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("method.problem.codeChanged"));
    }

    @Test
    void oneTownshipNeverSeesOrChangesAnothersVersions() {
        long a = newTownship();
        long b = newTownship();
        MethodVersion va = methods.adoptPreset(a, "qingdan");
        assertThat(methods.active(b)).isEmpty();
        assertThat(methods.versions(b)).isEmpty();
        assertThatThrownBy(() -> methods.version(b, va.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> methods.copyForEditing(b, va.id())).isInstanceOf(NotFoundException.class);
        MethodVersion draftA = methods.copyForEditing(a, va.id());
        assertThatThrownBy(() -> methods.adopt(b, draftA.id())).isInstanceOf(NotFoundException.class);
        assertThat(methods.active(a)).map(MethodVersion::id).contains(va.id());
    }

    @Test
    void aFlaggedPracticeIsOffUntilTheTenantRecordsItsApprovalBasis() {
        long town = newTownship();
        long other = newTownship();
        methods.adoptPreset(town, "huaqiao");
        methods.adoptPreset(other, "huaqiao");
        String flag = "LEADER_LIABILITY:leader-missed-sign-in";
        assertThat(compliance.report(town)).extracting(s -> s.flag().code()).contains(flag, "SIGN_IN");
        assertThat(compliance.report(town)).noneMatch(FlagState::effective);
        assertThat(compliance.isEffective(town, flag)).isFalse();

        compliance.recordApproval(town, flag, "花发〔2015〕3号", "花桥街镇党委", LocalDate.of(2015, 3, 1));

        assertThat(compliance.isEffective(town, flag)).isTrue();
        assertThat(compliance.isEffective(town, "SIGN_IN")).isFalse();
        assertThat(compliance.isEffective(other, flag)).as("another township's approval counts nowhere else").isFalse();
        assertThat(journalCount(town, "method.approvalRecorded")).isEqualTo(1);
    }

    @Test
    void anApprovalIsRefusedForAFlagTheMethodDoesNotHaveOrWithADateInTheFuture() {
        long town = newTownship();
        methods.adoptPreset(town, "wubu");
        assertThatThrownBy(() -> compliance.recordApproval(town, "SIGN_IN", "x", "y", LocalDate.of(2020, 1, 1)))
                .hasMessageContaining("method.compliance.unknownFlag");
        methods.adoptPreset(town, "huaqiao");
        assertThatThrownBy(() -> compliance.recordApproval(town, "SIGN_IN", "x", "y", LocalDate.now().plusDays(30)))
                .hasMessageContaining("method.compliance.futureDate");
    }
}
