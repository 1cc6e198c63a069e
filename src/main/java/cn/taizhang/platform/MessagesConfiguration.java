package cn.taizhang.platform;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The translated texts: one bundle per module under {@code i18n/}, each in zh_CN and en (MessagesTest
 * fails on a key missing in either). Declared here because Boot's own message source only appears
 * when a language-neutral {@code messages.properties} exists, and we keep none: Chinese is the default.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource(@Value("${spring.messages.basename}") String[] basenames) {
        var source = new ResourceBundleMessageSource();
        source.setBasenames(basenames);
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(WebConfiguration.CHINESE);
        return source;
    }
}
