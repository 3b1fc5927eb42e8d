/** The first run: what Council Desk is, loading the demo council or starting empty, and the operator. */
export { WelcomeScreen } from './WelcomeScreen';
export { chooseOperator } from './operator';
export { koWelcome } from './strings-ko';
export { enWelcome } from './strings-en';
