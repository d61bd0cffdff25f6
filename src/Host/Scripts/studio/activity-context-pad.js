// The context pad of a flow element gets one more entry, "Lägg till aktivitet", which opens a searchable menu of our
// activities; the chosen one is appended after the element and connected to it.
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { iconUrl } from './activity-shapes';

const MENU = 'vp-activities';

export default function ActivityContextPad(contextPad, popupMenu, autoPlace, activityShapes, activities, translate) {
  this._popupMenu = popupMenu;
  this._autoPlace = autoPlace;
  this._shapes = activityShapes;
  this._activities = activities || [];
  this._translate = translate;
  contextPad.registerProvider(500, this);
  popupMenu.registerProvider(MENU, this);
}

ActivityContextPad.$inject = ['contextPad', 'popupMenu', 'autoPlace', 'activityShapes', 'config.vpActivities', 'translate'];

ActivityContextPad.prototype.getContextPadEntries = function(element) {
  const canAppend = is(element, 'bpmn:FlowNode') && !is(element, 'bpmn:EndEvent') && element.type !== 'label';
  if (!canAppend || this._activities.length === 0) {
    return {};
  }

  return {
    'append.vp-activity': {
      group: 'model',
      className: 'bpmn-icon-user-task vp-append-activity',
      title: 'Lägg till aktivitet',
      action: {
        click: (event, target) => this._popupMenu.open(target, MENU, { x: event.clientX, y: event.clientY }, {
          title: 'Lägg till aktivitet',
          search: true,
          width: 320,
        }),
      },
    },
  };
};

ActivityContextPad.prototype.getPopupMenuEntries = function(target) {
  const entries = {};
  for (const activity of this._activities) {
    entries[`vp-append-${activity.type}`] = {
      label: activity.displayName,
      description: activity.category,
      imageUrl: iconUrl(activity.icon),
      action: () => this._autoPlace.append(target, this._shapes.create(activity)),
    };
  }

  return entries;
};
