// The palette: our activities first (grouped under "Aktiviteter"), then bpmn-js's own tools for events, gateways and
// sub-processes. The generic task entries are replaced, since a task without an activity is only a manual step.
import { iconUrl } from './activity-shapes';

const REPLACED = ['create.task', 'create.data-object', 'create.data-store'];

export default function ActivityPalette(palette, create, activityShapes, activities) {
  this._create = create;
  this._shapes = activityShapes;
  this._activities = activities || [];
  palette.registerProvider(500, this);
}

ActivityPalette.$inject = ['palette', 'create', 'activityShapes', 'config.vpActivities'];

ActivityPalette.prototype.getPaletteEntries = function() {
  return entries => {
    for (const key of REPLACED) {
      delete entries[key];
    }

    const ours = {};
    for (const activity of this._activities) {
      const start = event => this._create.start(event, this._shapes.create(activity));
      ours[`create.vp-${activity.type}`] = {
        group: 'vp-activities',
        // The icon is decorative (the entry is named by its title), so the image gets an empty alt text.
        html: `<div class="entry" draggable="true"><img alt="" src="${iconUrl(activity.icon)}"></div>`,
        title: activity.displayName,
        action: { dragstart: start, click: start },
      };
    }

    ours['vp-separator'] = { group: 'vp-activities', separator: true };
    return { ...ours, ...entries };
  };
};
