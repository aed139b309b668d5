package io.livemod.cli.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) for console tests. {@link #use}
 * saves a screenshot under target/screenshots when the steps fail, then always quits the browser.
 * Missing browser: the test fails and says how to install it; it never skips.
 */
public final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    public interface Steps {
        void run(WebDriver driver) throws Exception;
    }

    private Browser() {}

    public static void use(String name, Steps steps) throws Exception {
        WebDriver d = open();
        try {
            steps.run(d);
        } catch (Exception | AssertionError e) {
            screenshot(d, name);
            throw e;
        } finally {
            d.quit();
        }
    }

    static WebDriver open() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException(
                    "Chromium is not installed: `apt-get install -y chromium chromium-driver` (see .ci/run)");
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        // Flags of this machine: no sandbox as root, no background traffic to the (closed) network.
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,800",
                "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, o);
    }

    static void screenshot(WebDriver d, String name) {
        try {
            File shot = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path to = dir.resolve(name + ".png");
            Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
            System.err.println("screenshot: " + to.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("no screenshot: " + e);
        }
    }
}
