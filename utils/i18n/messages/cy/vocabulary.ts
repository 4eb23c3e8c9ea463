import type { Translation } from '../../message-types';
import type { vocabulary as English } from '../en-GB/vocabulary';

/** Welsh (cy) messages: vocabulary. Every key of the English file; follow ../../glossary.md. */
export const vocabulary: Translation<typeof English> = {
  'vocabulary.perspective.uses-care': 'Rwy’n cael gofal a chymorth',
  'vocabulary.perspective.carer': 'Rwy’n ofalwr',
  'vocabulary.perspective.family': 'Rwy’n aelod o’r teulu',
  'vocabulary.perspective.works-in-care': 'Rwy’n gweithio ym maes gofal',
  'vocabulary.perspective.not-said': 'Mae’n well gen i beidio â dweud',
  'vocabulary.kind.comment': 'Sylw',
  'vocabulary.kind.question': 'Cwestiwn',
  'vocabulary.kind.suggested-change': 'Newid a awgrymir',
  'vocabulary.attribution.named': 'Dangos fy enw',
  'vocabulary.attribution.anonymous': 'Dienw',
  'vocabulary.visibility.private': 'Dim ond fi',
  'vocabulary.visibility.group': 'Fy ngrŵp',
  'vocabulary.status.noted': 'Rydym wedi nodi hyn',
  'vocabulary.status.will-change': 'Byddwn yn newid hyn',
  'vocabulary.status.changed': 'Mae hyn wedi’i newid',
  'vocabulary.status.not-changing': 'Dydyn ni ddim yn newid hyn',
  'vocabulary.theme.wellbeing-and-independence': 'Llesiant ac annibyniaeth',
  'vocabulary.theme.information-and-advice': 'Gwybodaeth a chyngor',
  'vocabulary.theme.active-and-supportive-communities': 'Cymunedau gweithgar a chefnogol',
  'vocabulary.theme.flexible-and-integrated-care-and-support': 'Gofal a chymorth hyblyg ac integredig',
  'vocabulary.theme.when-things-need-to-change': 'Pan fydd angen i bethau newid',
  'vocabulary.theme.workforce': 'Gweithlu',
};
