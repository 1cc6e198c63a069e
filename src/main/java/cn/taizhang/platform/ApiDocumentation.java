package cn.taizhang.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The JSON API's description at /v3/api-docs: every call signs in with HTTP Basic. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI taizhangApi() {
        return new OpenAPI()
                .info(new Info().title("Taizhang 台账 API").version("1")
                        .description("For other government systems. Every call authenticates with HTTP Basic as a "
                                + "Taizhang account and sees exactly what that account's role and data scope allow; "
                                + "a refused rule answers with {code, message, field}, the message in Chinese, or in "
                                + "English with ?lang=en."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
