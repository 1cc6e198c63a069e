/**
 * Method definitions (方法定义): the YAML document that declares a township's work method, its
 * binder and validator, the compliance check against the central rules (POLICY.md), the five
 * presets, and each tenant's versions of its method.
 *
 * <p>Public API: {@link cn.taizhang.method.MethodDefinition} and its parts,
 * {@link cn.taizhang.method.MethodCatalog} (presets, parsing, checking),
 * {@link cn.taizhang.method.TenantMethods} (versions and adoption) and
 * {@link cn.taizhang.method.MethodCompliance} ({@code isEffective(tenantId, flagCode)}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "org"})
package cn.taizhang.method;
