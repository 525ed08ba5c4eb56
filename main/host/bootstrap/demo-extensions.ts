// What each domain adds to the demo meeting (papers, ...). Listed here so the seed stays generic.
import type { DemoExtension } from './demo-seed';
import { demoPapers } from './demo-papers';
import { demoCertificates } from '../minutes/demo-certificates';

export const demoExtensions: readonly DemoExtension[] = [demoPapers, demoCertificates];
