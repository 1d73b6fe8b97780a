import { expect, type Page } from "@playwright/test";

export class SignInPage {
  constructor(readonly page: Page) {}

  async signIn(email: string, password: string) {
    await expect(this.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  formError() {
    return this.page.getByTestId("form-error");
  }

  async signOut() {
    await this.page.getByTestId("user-menu").click();
    await this.page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
    await expect(this.page).toHaveURL(/\/sign-in$/);
  }
}
