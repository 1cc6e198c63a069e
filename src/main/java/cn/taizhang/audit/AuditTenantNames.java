package cn.taizhang.audit;

import java.util.Map;

/**
 * The names of the tenants, for the journal's tenant filter. The journal knows tenants only by id;
 * the module that knows their names provides this (the journal works without it, showing ids).
 */
public interface AuditTenantNames {

    /** Tenant id → name, in the order a list should show them. */
    Map<Long, String> tenantNames();
}
