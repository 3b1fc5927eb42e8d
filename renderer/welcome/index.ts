/** The first run: what Council Desk is, and loading the demo council or starting empty. */
export { WelcomeScreen } from './WelcomeScreen';
export { koWelcome } from './strings-ko';
export { enWelcome } from './strings-en';
