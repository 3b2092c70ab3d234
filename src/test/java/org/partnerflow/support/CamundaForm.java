package org.partnerflow.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Camunda Form (form-js) as Tasklist renders it, filled the way a person does: fields are found
 * by the label they show, within the whole form, a group, or one row of a dynamic list.
 */
public class CamundaForm {

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final SearchContext scope;

  CamundaForm(WebDriver driver, WebDriverWait wait, SearchContext scope) {
    this.driver = driver;
    this.wait = wait;
    this.scope = scope;
  }

  /**
   * Types into a text field, text area or number field, replacing what it held, and leaves the
   * field. form-js commits typing after a pause or when the field loses focus, and a re-render in
   * between (another field's change arriving) puts back the committed value: typing at machine
   * speed can lose a field that way, so the text is typed again until the field keeps it.
   */
  public CamundaForm fill(String label, Object value) {
    String text = String.valueOf(value);
    WebElement input = input(label);
    for (int attempt = 1; ; attempt++) {
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(text);
      ((JavascriptExecutor) driver).executeScript("arguments[0].blur();", input);
      if (text.equals(input.getDomProperty("value"))) {
        return this;
      }
      if (attempt == 3) {
        throw new AssertionError("The field '" + label + "' does not keep '" + text + "': it shows '"
            + input.getDomProperty("value") + "'");
      }
    }
  }

  /** Picks the option with this text in a select field. */
  public CamundaForm select(String label, String option) {
    WebElement field = field(label);
    By item = By.xpath(".//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=" + literal(option) + "]");
    click(field.findElement(By.cssSelector(".fjs-input-group")));
    wait.until(driver -> !field.findElements(item).isEmpty());
    click(field.findElement(item));
    wait.until(driver -> field.findElement(By.cssSelector(".fjs-select-display")).getText().trim().equals(option));
    return this;
  }

  /** Chooses the radio option with this text. */
  public CamundaForm choose(String label, String option) {
    click(field(label).findElement(By.xpath(".//label[normalize-space(.)=" + literal(option) + "]/input")));
    return this;
  }

  /** Ticks a checkbox. */
  public CamundaForm check(String label) {
    WebElement box = field(label).findElement(By.cssSelector("input[type=checkbox]"));
    if (!box.isSelected()) {
      click(box);
    }
    return this;
  }

  /** Types a date in the format the date field asks for (its placeholder, which follows the browser's locale). */
  public CamundaForm date(String label, LocalDate date) {
    WebElement input = element(By.xpath(".//div[contains(@class,'fjs-form-field-datetime')][.//label[" + labelled(label)
        + "]]")).findElement(By.cssSelector("input"));
    String placeholder = input.getDomAttribute("placeholder");
    String pattern = placeholder == null || placeholder.isBlank() ? "MM/dd/yyyy"
        : placeholder.replace("mm", "MM").replace("DD", "dd").replace("YYYY", "yyyy");
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(date.format(DateTimeFormatter.ofPattern(pattern, Locale.ROOT)), Keys.ENTER);
    input.sendKeys(Keys.ESCAPE);
    return this;
  }

  /** The dynamic list with this label. */
  public DynamicList list(String label) {
    return new DynamicList(element(By.xpath(".//div[contains(@class,'fjs-form-field-dynamiclist')][./label["
        + labelled(label) + "]]")));
  }

  /** What the form shows as text: headings, paragraphs and tables included. */
  public String text() {
    return ((WebElement) scope).getText();
  }

  /** The error messages form-js shows under fields. */
  public List<String> errors() {
    return ((WebElement) scope).findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .map(WebElement::getText).filter(text -> !text.isBlank()).toList();
  }

  /** A dynamic list: rows of the same fields, with "Add new" below. */
  public class DynamicList {

    private final WebElement list;

    DynamicList(WebElement list) {
      this.list = list;
    }

    /** The fields of row {@code index} (from 0), adding rows as a person does until it exists. */
    public CamundaForm row(int index) {
      while (rows().size() <= index) {
        int before = rows().size();
        click(list.findElement(By.cssSelector("button.fjs-repeat-render-add")));
        wait.until(driver -> rows().size() > before);
      }
      return new CamundaForm(driver, wait, rows().get(index));
    }

    public List<WebElement> rows() {
      return list.findElements(By.cssSelector(".fjs-repeat-row-container"));
    }
  }

  private WebElement field(String label) {
    return element(By.xpath(".//div[contains(@class,'fjs-form-field ')][./label[" + labelled(label) + "]]"));
  }

  private WebElement input(String label) {
    return field(label).findElement(By.cssSelector("input, textarea"));
  }

  private WebElement element(By by) {
    List<WebElement> found = scope.findElements(by);
    if (found.size() != 1) {
      throw new IllegalStateException("Expected one form field matching " + by + ", found " + found.size());
    }
    return found.get(0);
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /** A label whose own text (the required-field asterisk is a child element) is the given one. */
  private static String labelled(String label) {
    return "contains(@class,'fjs-form-field-label') and normalize-space(text()[1])=" + literal(label);
  }

  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
