package org.claimbridge;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full claimbridge on a random HTTP port and a random MLLP port, against a real database: the server named by
 * {@code SPRING_DATASOURCE_URL} (CI points it at this machine's MariaDB), else the embedded MariaDB.
 * The schema is wiped and migrated once per test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestDatabase.class)
public @interface IntegrationTest {
}
