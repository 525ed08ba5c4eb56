// What each domain adds to the demo meeting (papers, ...). Listed here so the seed stays generic.
import type { DemoExtension } from './demo-seed';

export const demoExtensions: readonly DemoExtension[] = [];
