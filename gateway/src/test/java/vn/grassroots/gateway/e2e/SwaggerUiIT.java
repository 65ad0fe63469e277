package vn.grassroots.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * An administrator in a real browser: Debian's headless Chromium (installed by deploy/local/platform.sh,
 * never downloaded by a test tool) opens the gateway's Swagger UI, logs in through Keycloak with the
 * authorization code flow and PKCE, and lists organizations. On failure a screenshot and the page source
 * are left in target/.
 */
class SwaggerUiIT {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Path profile;
    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "chromium and chromium-driver are missing: deploy/local/platform.sh chromium installs them");
        profile = Files.createTempDirectory("grassroots-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1800", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void organizerLogsInAndListsOrganizations() throws Exception {
        try {
            browser.get(PlatformIT.GATEWAY + "/q/swagger-ui/");
            String page = browser.getWindowHandle();
            click(By.cssSelector("button.authorize"));

            // The organization API names Keycloak (openIdConnect); its authorization code flow is the one with PKCE.
            WebElement flow = waitFor("the authorization code flow in the Authorize dialog", () -> browser
                    .findElements(By.cssSelector(".modal-ux .auth-container")).stream()
                    .filter(c -> c.getText().contains("authorization_code"))
                    .findFirst().orElse(null));
            flow.findElement(By.cssSelector("button.authorize")).click();

            String login = waitFor("the Keycloak login window", () -> {
                Set<String> handles = browser.getWindowHandles();
                return handles.stream().filter(h -> !h.equals(page)).findFirst().orElse(null);
            });
            browser.switchTo().window(login);
            waitFor("the Keycloak login form", () -> present(By.id("username")));
            assertTrue(browser.getCurrentUrl().startsWith(PlatformIT.ISSUER + "/protocol/openid-connect/auth"),
                    browser.getCurrentUrl());
            assertTrue(browser.getCurrentUrl().contains("code_challenge_method=S256"), "PKCE");
            browser.findElement(By.id("username")).sendKeys("organizer");
            browser.findElement(By.id("password")).sendKeys("organizer");
            browser.findElement(By.id("kc-login")).click();

            // oauth2-redirect.html hands the code to Swagger UI and closes the window.
            waitFor("the login window to close", () -> browser.getWindowHandles().size() == 1 ? true : null);
            browser.switchTo().window(page);
            waitFor("Swagger UI to hold a token", () -> browser
                    .findElements(By.cssSelector(".modal-ux .auth-container")).stream()
                    .filter(c -> c.getText().contains("authorization_code") && c.getText().contains("Logout"))
                    .findFirst().orElse(null));
            click(By.cssSelector(".modal-ux button.close-modal"));

            // GET /api/v1/organizations: "List organizations".
            WebElement operation = waitFor("the list organizations operation", () -> browser
                    .findElements(By.cssSelector(".opblock.opblock-get")).stream()
                    .filter(o -> o.findElements(By.cssSelector(".opblock-summary-path")).stream()
                            .anyMatch(p -> "/api/v1/organizations".equals(p.getAttribute("data-path"))))
                    .findFirst().orElse(null));
            operation.findElement(By.cssSelector(".opblock-summary")).click();
            click(operation, By.cssSelector("button.try-out__btn"));
            click(operation, By.cssSelector("button.execute"));

            WebElement status = waitFor("the response status", () -> operation
                    .findElements(By.cssSelector(".live-responses-table .response .response-col_status")).stream()
                    .findFirst().orElse(null));
            String body = waitFor("the response body", () -> {
                List<WebElement> code = operation.findElements(By.cssSelector(".live-responses-table .response-col_description .microlight, .live-responses-table .response-col_description pre"));
                return code.isEmpty() || code.get(0).getText().isBlank() ? null : code.get(0).getText();
            });
            assertEquals("200", status.getText().trim(), body);
            // Organizations of the organizer's district (Tuần Giáo), whose id is on every path.
            assertTrue(body.contains("\"items\"") && body.contains("/" + PlatformIT.TUAN_GIAO + "/"), body);
        } catch (Throwable failure) {
            keepEvidence();
            throw failure;
        }
    }

    private void click(By by) {
        waitFor(by.toString(), () -> present(by)).click();
    }

    private void click(WebElement within, By by) {
        waitFor(by.toString(), () -> within.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null))
                .click();
    }

    private WebElement present(By by) {
        return browser.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    /** Polls until {@code probe} gives something; Swagger UI and Keycloak render asynchronously. */
    private <T> T waitFor(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e; // stale elements while React re-renders
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("gave up waiting for " + what + " at " + browser.getCurrentUrl(), last);
    }

    private void keepEvidence() {
        try {
            Path target = Paths.get("target");
            Files.createDirectories(target);
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target.resolve("swagger-ui-failure.png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(target.resolve("swagger-ui-failure.html"), browser.getPageSource());
            Object log = ((JavascriptExecutor) browser).executeScript("return document.title");
            System.err.println("Swagger UI test failed on " + browser.getCurrentUrl() + " (" + log
                    + "); screenshot in target/swagger-ui-failure.png");
        } catch (Exception e) {
            System.err.println("no screenshot: " + e);
        }
    }
}
