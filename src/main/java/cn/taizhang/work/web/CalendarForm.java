package cn.taizhang.work.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A day of the official calendar: a holiday, or a weekend day worked (调休). */
public class CalendarForm implements Serializable {

    @NotNull(message = "{work.calendar.dayRequired}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate day;
    @NotNull(message = "{work.calendar.workingRequired}")
    private Boolean working;
    @NotBlank(message = "{work.calendar.nameRequired}")
    @Size(max = 50, message = "{work.form.tooLong}")
    private String name;

    public LocalDate getDay() { return day; }
    public void setDay(LocalDate day) { this.day = day; }
    public Boolean getWorking() { return working; }
    public void setWorking(Boolean working) { this.working = working; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
