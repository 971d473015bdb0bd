// The kiosk's setup page (/setup/), as the centre's admin uses it: the PIN, pairing with the
// staff key, the kiosk's letter, its enrolment line and the fingerprints to compare.
import { openPage } from '../harness.mjs';

export const PIN = '246810';
const pinField = (page) => page.getByLabel('Mã PIN / PIN');

/** Sets the setup PIN on a new device (twice, as the page asks); waits for the setup view. */
export async function setPin(page, pin = PIN) {
  await pinField(page).fill(pin);
  await page.getByLabel('Nhập lại / Again').fill(pin);
  await page.getByRole('button', { name: /Set PIN/ }).click();
  await page.getByRole('heading', { name: /Kiosk setup/ }).waitFor();
}

/** Types a PIN into the locked page and presses Open. */
export async function enterPin(page, pin = PIN) {
  await pinField(page).fill(pin);
  await page.getByRole('button', { name: /Open/ }).click();
}

/** Pins the configured staff key (pairing); waits until the page says so. */
export async function pinStaffKey(page) {
  await page.getByRole('button', { name: /Pin this staff key/ }).click();
  await page.getByText(/as pinned at pairing/).waitFor();
}

/** The line to paste at the desk instead of scanning (`A=<key>`), unfolded. */
export async function enrolmentLine(page, letter) {
  const hex = page.locator('.setup__hex');
  if (!(await hex.isVisible())) await page.getByText('The line to paste instead of scanning').click();
  return hex.getByText(new RegExp(`^${letter}=[0-9a-f]{64}$`)).innerText();
}

/** The fingerprints the page shows large: [staff key, this kiosk], groups joined by "-". */
export async function fingerprints(page) {
  const shown = page.locator('.fingerprint--large');
  const read = async (i) => (await shown.nth(i).locator('.fingerprint__group').allInnerTexts()).join('-');
  return [await read(0), await read(1)];
}

/** A kiosk set up behind its PIN with `letter`, pinned to the configured staff key, in a
 *  new context of `browser` watched like every page (`problems` must stay empty). */
export async function setUpKiosk(browser, server, letter) {
  const opened = await openPage(browser, server, { path: '/setup/' });
  const { page } = opened;
  await setPin(page);
  await pinStaffKey(page);
  await page.getByLabel(/This kiosk's letter/).selectOption(letter);
  const enrolment = await enrolmentLine(page, letter);
  const [, kioskFingerprint] = await fingerprints(page);
  return { ...opened, enrolment, kioskFingerprint };
}
