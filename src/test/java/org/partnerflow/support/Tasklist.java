package org.partnerflow.support;

import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Camunda Tasklist as a person uses it: log in, start a process from its start form, find a
 * task by its name in a filter, claim it, fill its Camunda Form and complete it, log out. Every
 * wait is explicit; a refusal Tasklist shows (a red notification) fails the step with its text.
 */
public class Tasklist {

  private static final By USER_NAME = By.cssSelector("input[ng-model=username]");
  private static final By PASSWORD = By.cssSelector("input[ng-model=password]");
  private static final By ACCOUNT_MENU = By.cssSelector("li.account > a.dropdown-toggle");
  private static final By MODAL = By.cssSelector(".modal-dialog");
  private static final By TASK_TITLE = By.cssSelector("section.task-card h2.task");
  private static final By TASK_FORM = By.cssSelector("section.task-card .fjs-form");
  private static final By LIST_LOADING = By.cssSelector("[cam-tasks] > .loader");
  private static final By LIST_ITEMS = By.cssSelector("[cam-tasks] li.task h4.task a");
  private static final By TOOLTIP = By.cssSelector(".tooltip");
  private static final By ERRORS = By.cssSelector(".notifications .alert-danger");

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final String baseUrl;
  private final Path screenshots;
  private int shots;

  public Tasklist(WebDriver driver, String baseUrl, Path screenshots) {
    this.driver = driver;
    // Tasklist re-renders as it goes: an element looked at may be replaced meanwhile, so look again
    this.wait = (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(45))
        .ignoring(StaleElementReferenceException.class);
    this.baseUrl = baseUrl;
    this.screenshots = screenshots;
  }

  public WebDriver driver() {
    return driver;
  }

  public void login(String userId, String password) {
    submitLogin(userId, password);
    failOnError("Logging in as " + userId);
    wait.until(visibilityOfElementLocated(By.cssSelector("[cam-tasks]")));
  }

  /** Tries to log in where Tasklist should refuse, and returns what it says. */
  public String refusedLogin(String userId, String password) {
    submitLogin(userId, password);
    List<String> errors = errors();
    if (errors.isEmpty()) {
      throw new AssertionError("Tasklist let " + userId + " in");
    }
    return String.join(" / ", errors);
  }

  private void submitLogin(String userId, String password) {
    driver.get(baseUrl + "/camunda/app/tasklist/default/#/login");
    driver.findElements(By.cssSelector(".notifications .alert button.close")).stream().filter(WebElement::isDisplayed)
        .forEach(this::click);
    wait.until(driver -> errors().isEmpty());
    wait.until(visibilityOfElementLocated(USER_NAME));
    // the login page focuses the user name field once it has settled: keys typed into the password field
    // before that can land in the user name ("patdemo"), so type until both fields hold what was typed
    wait.until(driver -> typed(USER_NAME, userId) && typed(PASSWORD, password)
        && userId.equals(driver.findElement(USER_NAME).getDomProperty("value")));
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(driver -> !driver.findElements(ACCOUNT_MENU).isEmpty() || !errors().isEmpty());
  }

  /** Whether the field holds the text, after typing it into the field when it did not. */
  private boolean typed(By field, String text) {
    WebElement input = driver.findElement(field);
    if (text.equals(input.getDomProperty("value"))) {
      return true;
    }
    input.clear();
    input.sendKeys(text);
    return text.equals(input.getDomProperty("value"));
  }

  public void logout() {
    click(ACCOUNT_MENU);
    click(By.cssSelector("li.logout a"));
    wait.until(visibilityOfElementLocated(USER_NAME));
  }

  /** Opens "Start process" and returns the processes it offers; the dialog stays open. */
  public List<String> openStartProcess() {
    click(By.xpath("//a[normalize-space(.)='Start process']"));
    wait.until(visibilityOfElementLocated(MODAL));
    wait.until(driver -> !driver.findElements(By.cssSelector(".modal-body .processes li a")).isEmpty()
        || driver.findElements(By.xpath("//div[contains(@class,'well')][contains(.,'no process definitions')]"))
        .stream().anyMatch(WebElement::isDisplayed));
    return driver.findElements(By.cssSelector(".modal-body .processes li a")).stream().map(WebElement::getText)
        .map(String::trim).toList();
  }

  public void closeDialog() {
    click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Close']"));
    wait.until(invisibilityOfElementLocated(MODAL));
  }

  /** Opens the start form of the named process. */
  public CamundaForm startProcess(String processName) {
    openStartProcess();
    click(By.xpath("//ul[@class='processes']//a[normalize-space(.)=" + CamundaForm.literal(processName)
        + "]"));
    return new CamundaForm(driver, wait, wait.until(visibilityOfElementLocated(By.cssSelector(".modal-body .fjs-form"))));
  }

  /** Presses "Start" under the start form and waits for the dialog to close. */
  public void submitStartForm() {
    click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Start']"));
    wait.until(driver -> driver.findElements(MODAL).isEmpty() || !errors().isEmpty());
    failOnError("Starting the process");
  }

  /** Selects the filter (My tasks, My group's tasks, Overdue) and returns the names of the tasks it lists. */
  public List<String> filter(String name) {
    click(By.xpath("//div[contains(@class,'task-filter')]//h4/a[starts-with(normalize-space(.),"
        + CamundaForm.literal(name) + ")]"));
    wait.until(driver -> driver.findElement(By.xpath("//div[contains(@class,'task-filter')][contains(@class,'active')]//h4/a"))
        .getText().trim().startsWith(name));
    clearSearch();
    wait.until(driver -> !driver.getCurrentUrl().matches(".*searchQuery=%5B%7B.*"));
    return taskNames();
  }

  /** Removes the criteria typed into "Filter Tasks" (Tasklist keeps them from one visit to the next). */
  private void clearSearch() {
    By remove = By.cssSelector("[cam-widget-search] a.remove-search");
    while (!driver.findElements(remove).isEmpty()) {
      int before = driver.findElements(remove).size();
      click(driver.findElements(remove).get(0));
      wait.until(driver -> driver.findElements(remove).size() < before);
    }
  }

  /** The filters the person sees. */
  public List<String> filters() {
    return driver.findElements(By.cssSelector(".task-filter h4 a")).stream()
        .map(link -> link.getText().replaceAll("\\s*\\(?\\d+\\)?$", "").trim()).toList();
  }

  /** The names of the tasks the list shows once it has loaded. */
  public List<String> taskNames() {
    return wait.until(driver -> driver.findElements(LIST_LOADING).stream().anyMatch(WebElement::isDisplayed) ? null
        : driver.findElements(LIST_ITEMS).stream().map(WebElement::getText).map(String::trim).toList());
  }

  /**
   * Opens the task with this name from the filter, narrowing the list by typing the name into
   * "Filter Tasks" first (as one does where many tasks are open), and returns its form.
   */
  public CamundaForm openTask(String filter, String taskName) {
    filter(filter);
    search(taskName);
    By item = By.xpath("//*[@cam-tasks]//li[contains(@class,'task')]//h4/a[normalize-space(.)="
        + CamundaForm.literal(taskName) + "]");
    // the list re-renders as the search narrows it: find the link again until a click lands
    wait.until(driver -> {
      try {
        WebElement link = driver.findElement(item);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
        link.click();
        return true;
      } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException
          | org.openqa.selenium.ElementNotInteractableException notYet) {
        return false;
      }
    });
    wait.until(driver -> driver.findElements(TASK_TITLE).stream().anyMatch(title -> title.getText().trim().equals(taskName)));
    return new CamundaForm(driver, wait, wait.until(presenceOfElementLocated(TASK_FORM)));
  }

  /**
   * Types the text into "Filter Tasks" in place of what was typed there before, as one does to narrow
   * a long list, and returns the names of the tasks the list then shows.
   */
  public List<String> search(String text) {
    clearSearch();
    driver.findElement(By.cssSelector("input[ng-model=inputQuery]")).sendKeys(text, Keys.ENTER);
    wait.until(driver -> driver.getCurrentUrl().contains("searchQuery=%5B%7B"));
    return taskNames();
  }

  /** Clicks the logo, Tasklist's way home, and waits for the list it opens on. */
  public void home() {
    click(By.cssSelector("a.navbar-brand"));
    wait.until(driver -> driver.getCurrentUrl().contains("sorting="));
    taskNames();
  }

  /** The order the list is sorted in, as the sort control above it shows: "Due date ascending". */
  public String sortOrder() {
    return wait.until(driver -> String.join(", then ", driver.findElements(By.cssSelector(
        "[cam-sorting-choices] li.sorting-choice")).stream()
        .map(choice -> choice.findElement(By.cssSelector(".sort-by")).getText().trim() + " "
            + (choice.findElement(By.cssSelector(".sort-direction")).getDomAttribute("class").contains("glyphicon-menu-up")
                ? "ascending" : "descending"))
        .toList()));
  }

  /** Claims the open task. */
  public void claim() {
    click(By.cssSelector("section.task-card button.claim"));
    wait.until(presenceOfElementLocated(By.cssSelector("section.task-card button.unclaim")));
  }

  /** Presses "Complete" once Tasklist enables it and waits until the task has gone. */
  public void complete() {
    String taskName = driver.findElement(TASK_TITLE).getText().trim();
    click(By.xpath("//section[contains(@class,'task-card')]"
        + "//div[contains(@class,'form-actions')]/button[normalize-space(.)='Complete']"));
    wait.until(driver -> driver.findElements(TASK_TITLE).stream().noneMatch(title -> title.getText().trim().equals(taskName))
        || !errors().isEmpty());
    failOnError("Completing " + taskName);
  }

  /** Whether "Complete" can be pressed now. */
  public boolean canComplete() {
    return driver.findElement(By.xpath("//section[contains(@class,'task-card')]//div[contains(@class,'form-actions')]"
        + "/button[normalize-space(.)='Complete']")).isEnabled();
  }

  /** Goes to a page of the application outside Tasklist, such as an invitation link. */
  public void visit(String pathAndQuery) {
    driver.get(baseUrl + pathAndQuery);
  }

  /** Presses the submit button of a page outside Tasklist and returns the heading of the page it leads to. */
  public String submitPage() {
    WebElement submit = driver.findElement(By.cssSelector("button[type=submit]"));
    click(submit);
    wait.until(stalenessOf(submit));
    return wait.until(visibilityOfElementLocated(By.tagName("h1"))).getText().trim();
  }

  /**
   * Saves a picture of the whole page as NN-step.png: the window grows for the picture until no
   * pane needs scrolling, so a long form is seen whole.
   */
  public Path screenshot(String step) {
    new Actions(driver).moveToLocation(0, 0).perform(); // no tooltip of the last click in the picture
    Dimension size = driver.manage().window().getSize();
    Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
        "return Math.max(0, ...Array.from(document.querySelectorAll('*')).map(e => e.scrollHeight - e.clientHeight)"
            + ".filter(d => d > 0 && d < 20000));");
    try {
      if (overflow.intValue() > 0) {
        driver.manage().window().setSize(new Dimension(size.getWidth(), size.getHeight() + overflow.intValue()));
      }
      Files.createDirectories(screenshots);
      Path file = screenshots.resolve(String.format("%02d-%s.png", ++shots, step));
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      driver.manage().window().setSize(size);
    }
  }

  private List<String> errors() {
    try {
      return driver.findElements(ERRORS).stream().map(WebElement::getText)
          .map(text -> text.replace("×", "").replaceAll("\\s+", " ").trim()).filter(text -> !text.isBlank()).toList();
    } catch (StaleElementReferenceException removedMeanwhile) {
      return errors();
    }
  }

  private void failOnError(String what) {
    List<String> errors = errors();
    if (!errors.isEmpty()) {
      throw new AssertionError(what + " failed in Tasklist: " + String.join(" / ", errors));
    }
  }

  /**
   * Clicks what the locator finds, finding it again when Tasklist re-rendered it in the meantime
   * (Angular replaces list items and buttons as data arrives).
   */
  private void click(By locator) {
    moveMouseAway();
    wait.until(driver -> {
      try {
        WebElement element = driver.findElement(locator);
        if (!element.isDisplayed() || !element.isEnabled()) {
          return false;
        }
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        return true;
      } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException
          | org.openqa.selenium.ElementNotInteractableException notYet) {
        return false;
      }
    });
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    moveMouseAway();
    wait.until(elementToBeClickable(element)).click();
  }

  /** The tooltip of what the mouse last rested on (a filter's description) can cover what comes next. */
  private void moveMouseAway() {
    new Actions(driver).moveToLocation(0, 0).perform();
    wait.until(invisibilityOfElementLocated(TOOLTIP));
  }
}
