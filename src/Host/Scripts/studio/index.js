// Studio's additions to bpmn-js's Modeler: our activities in the palette and the context pad, and Swedish labels.
import ActivityShapes from './activity-shapes';
import ActivityPalette from './activity-palette';
import ActivityContextPad from './activity-context-pad';
import swedishTranslate from './swedish-translate';

export default {
  __init__: ['activityPalette', 'activityContextPad'],
  activityShapes: ['type', ActivityShapes],
  activityPalette: ['type', ActivityPalette],
  activityContextPad: ['type', ActivityContextPad],
  translate: ['value', swedishTranslate],
};
