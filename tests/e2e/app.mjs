// Page objects for the end-to-end suite: the app as a user sees it,
// located by role and label.
import { expect } from "./expect.mjs";

export class Workbench {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(path = "") {
    await this.page.goto(this.baseUrl + path);
    await this.page.getByRole("navigation", { name: "Main" }).waitFor();
  }

  nav(name) {
    return this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
  }

  async go(name) {
    await this.nav(name).click();
    await this.page.getByRole("heading", { level: 1 }).first().waitFor();
  }

  /** Wait until the status line says everything is saved. */
  async saved() {
    await this.page.getByText("All changes saved in this browser").waitFor();
  }

  rankingRows() {
    return this.page.getByTestId("rank-row");
  }

  async rankingNames() {
    return this.rankingRows().locator("td:nth-child(3)").allInnerTexts();
  }

  async storedWorkspace() {
    return this.page.evaluate(() => localStorage.getItem("partnerfit@/partnerfit/:workspace"));
  }

  /** Export from the Workspace page; returns the downloaded file's name and text. */
  async exportWorkspace() {
    await this.go("Workspace");
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByRole("button", { name: "Export workspace" }).first().click(),
    ]);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    return { name: download.suggestedFilename(), text: await readFile(path, "utf8") };
  }

  /** Pick a file in the import panel of the Workspace page. */
  async importFile(name, text) {
    await this.go("Workspace");
    await this.page.getByLabel("Workspace file (.json)").setInputFiles({
      name,
      mimeType: "application/json",
      buffer: Buffer.from(text),
    });
  }

  /** Drop a file onto the import panel. */
  async dropFile(name, text) {
    await this.go("Workspace");
    const dt = await this.page.evaluateHandle(
      ([name, text]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: "application/json" }));
        return dt;
      },
      [name, text],
    );
    await this.page.getByTestId("dropzone").dispatchEvent("drop", { dataTransfer: dt });
  }

  async confirmReset(which) {
    await this.page.getByRole("button", { name: which }).first().click();
    await this.page.getByRole("button", { name: "Replace it" }).click();
  }

  async addPartner(name, type) {
    await this.go("Partners");
    await this.page.getByLabel("New partner name", { exact: true }).fill(name);
    await this.page.getByRole("form", { name: "Add a partner" }).getByLabel("Type", { exact: true }).selectOption({ label: type });
    await this.page.getByRole("button", { name: "Add partner" }).click();
    await expect(this.page.getByTestId("partner-name")).toHaveText(name);
  }

  async rate(criterion, value) {
    await this.page.getByLabel(criterion, { exact: true }).selectOption(String(value));
  }

  verdict() {
    return this.page.getByTestId("verdict-panel").getByTestId("verdict");
  }
}
