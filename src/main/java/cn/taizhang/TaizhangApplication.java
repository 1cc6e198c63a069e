package cn.taizhang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Taizhang 台账: the work-management platform that townships run their work methods on. */
@SpringBootApplication
@EnableScheduling
public class TaizhangApplication {

    public static void main(String[] args) {
        SpringApplication.run(TaizhangApplication.class, args);
    }
}
