import { glossLine, convertFigures } from './src/answer/gloss.js';
console.log(convertFigures('2023 년 약 2.9 억 달러에서 2028 년 4.7 억 달러로', 'zh'), convertFigures('1.25 억 위안', 'en'));
