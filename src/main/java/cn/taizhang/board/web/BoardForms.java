package cn.taizhang.board.web;

import cn.taizhang.board.internal.Objection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** The small forms of the board pages (Serializable: flash attributes live in the PostgreSQL session). */
final class BoardForms {

    private BoardForms() {
    }

    static class ReasonForm implements Serializable {
        @NotBlank(message = "{board.form.reasonRequired}")
        @Size(max = 500, message = "{board.form.tooLong}")
        private String reason;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    static class ObjectionForm implements Serializable {
        @NotNull
        private Long entryId;
        @NotBlank(message = "{board.objection.textRequired}")
        @Size(max = 1000, message = "{board.form.tooLong}")
        private String text;

        public Long getEntryId() {
            return entryId;
        }

        public void setEntryId(Long entryId) {
            this.entryId = entryId;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    static class ResolveForm implements Serializable {
        private Objection.Status outcome;
        private String resolution;

        public Objection.Status getOutcome() {
            return outcome;
        }

        public void setOutcome(Objection.Status outcome) {
            this.outcome = outcome;
        }

        public String getResolution() {
            return resolution;
        }

        public void setResolution(String resolution) {
            this.resolution = resolution;
        }
    }

    static class CorrectionForm implements Serializable {
        private String corrects;
        private String reason;

        public String getCorrects() {
            return corrects;
        }

        public void setCorrects(String corrects) {
            this.corrects = corrects;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }
}
