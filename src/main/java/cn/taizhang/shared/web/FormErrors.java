package cn.taizhang.shared.web;

import cn.taizhang.shared.DomainException;
import org.springframework.validation.BindingResult;

/** Puts a refused rule next to the form field it concerns, or at the top of the form. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult result, DomainException e) {
        String field = e.field();
        if (field != null && result.getTarget() != null
                && org.springframework.beans.BeanUtils.getPropertyDescriptor(result.getTarget().getClass(), field) != null) {
            result.rejectValue(field, e.messageKey(), e.args(), e.messageKey());
        } else {
            result.reject(e.messageKey(), e.args(), e.messageKey());
        }
    }
}
