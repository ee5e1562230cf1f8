/** The app the second Worker ("caller" in vitest.config.ts) acts for over its service binding. */
export const CALLER_APP_ID = "01900000-0000-7000-8000-00000000ca11";
