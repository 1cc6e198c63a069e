package cn.taizhang.work.domain;

import cn.taizhang.method.MethodDefinition;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rules of an item's category as the method defined them when the item was created (WORK-1,
 * WORK-2): the item keeps them when the method changes later.
 *
 * @param leadGroupSize     null when the category needs no lead group
 */
public record CategoryRule(String code, String name, MethodDefinition.Management management, Integer leadGroupSize,
                           Integer leadGroupDeputies, boolean supervisorAssessor,
                           Set<MethodDefinition.Document> requiredDocuments, boolean noLeave) {

    public static CategoryRule of(MethodDefinition.Category c) {
        var lg = c.leadGroup();
        Set<MethodDefinition.Document> docs = c.requiredDocuments() == null || c.requiredDocuments().isEmpty()
                ? EnumSet.noneOf(MethodDefinition.Document.class) : EnumSet.copyOf(c.requiredDocuments());
        return new CategoryRule(c.code(), c.name(), c.management(), lg == null ? null : lg.size(),
                lg == null ? null : lg.deputies(), lg != null && lg.supervisorAssessor(), docs, c.noLeave());
    }

    public boolean needsLeadGroup() {
        return leadGroupSize != null;
    }

    public boolean requires(MethodDefinition.Document d) {
        return requiredDocuments.contains(d);
    }
}
