// The viewer's entry: start the PDF's download and pdf.js's worker (boot.ts), then load the
// viewer itself, so its large scripts load and compile while the PDF is on its way.
import './boot';

void import('./app');
